/**
 * A seeded generator of realistic demo users of a Chinese online-lending app and their events, so
 * portraits, tags, models and fraud graphs can be shown and tested without production data. Each
 * user carries a hidden latent risk that drives what they do, so models have a real signal to find.
 * Every parameter and the pattern it follows is listed in docs/demo-data.md.
 */
package io.huaxiang.core.demo;
