package io.huaxiang.core.demo;

/**
 * Where demo users live: real cities by tier, weighted so that most users are in tier-1 and tier-2
 * cities, as reported for Chinese online-lending users (see docs/demo-data.md).
 */
final class Cities {
  static final Weighted<City> ALL = build();

  private Cities() {}

  private static Weighted<City> build() {
    Weighted<City> w = Weighted.of();
    // tier 1 (一线): 25% of users, split by rough population share
    tier(w, 0.25, 1, "北京:Beijing", "上海:Shanghai", "广州:Guangzhou", "深圳:Shenzhen");
    // tier 2 (新一线 and 二线): 45%
    tier(
        w,
        0.45,
        2,
        "成都:Chengdu",
        "重庆:Chongqing",
        "杭州:Hangzhou",
        "武汉:Wuhan",
        "西安:Xi'an",
        "苏州:Suzhou",
        "南京:Nanjing",
        "天津:Tianjin",
        "长沙:Changsha",
        "郑州:Zhengzhou",
        "东莞:Dongguan",
        "青岛:Qingdao",
        "合肥:Hefei",
        "佛山:Foshan",
        "宁波:Ningbo",
        "昆明:Kunming",
        "沈阳:Shenyang",
        "济南:Jinan",
        "厦门:Xiamen",
        "福州:Fuzhou");
    // tier 3 (三线): 18%
    tier(
        w,
        0.18,
        3,
        "惠州:Huizhou",
        "扬州:Yangzhou",
        "绍兴:Shaoxing",
        "洛阳:Luoyang",
        "潍坊:Weifang",
        "桂林:Guilin",
        "赣州:Ganzhou",
        "襄阳:Xiangyang");
    // tier 4 (四线): 8%
    tier(w, 0.08, 4, "荆州:Jingzhou", "曲靖:Qujing", "宜宾:Yibin", "衡阳:Hengyang");
    // tier 5 (五线 and below): 4%
    tier(w, 0.04, 5, "张掖:Zhangye", "昭通:Zhaotong", "商洛:Shangluo");
    return w;
  }

  private static void tier(Weighted<City> w, double share, int tier, String... cities) {
    for (String c : cities) {
      String[] parts = c.split(":");
      w.add(share / cities.length, new City(parts[0], parts[1], tier));
    }
  }
}
