/** Credit risk models: binning, WoE/IV, scorecards, metrics and reports. */
package io.huaxiang.model;
