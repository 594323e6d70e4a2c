/**
 * Huaxiang's domain: user events, the profile engine, tags, expressions, privacy and lending rules.
 * Pure Java: no framework, no I/O, no wall clock, so the same code runs embedded and inside a
 * stream processor.
 */
package io.huaxiang.core;
