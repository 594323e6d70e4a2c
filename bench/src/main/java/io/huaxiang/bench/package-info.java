/** JMH benchmarks; see bench/README.md for how to run them and RESULTS.md for figures. */
package io.huaxiang.bench;
