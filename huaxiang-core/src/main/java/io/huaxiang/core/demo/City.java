package io.huaxiang.core.demo;

/**
 * A Chinese city with its tier on Huaxiang's 1-5 scale.
 *
 * @param name the city's name in Chinese, as an app would record it
 * @param pinyin the name in pinyin, for logs and English texts
 * @param tier 1 一线, 2 新一线 and 二线, 3 三线, 4 四线, 5 五线 and below
 */
public record City(String name, String pinyin, int tier) {}
