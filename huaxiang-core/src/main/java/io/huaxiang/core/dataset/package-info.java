/**
 * Importers that turn public credit datasets into Huaxiang user events, so portraits, scorecards
 * and decisions can be tried on real behaviour. Each importer is a pure mapping from a parsed row
 * to events; reading files is left to the caller (the server's CLI streams them).
 */
package io.huaxiang.core.dataset;
