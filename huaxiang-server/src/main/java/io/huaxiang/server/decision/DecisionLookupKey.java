package io.huaxiang.server.decision;

import io.huaxiang.core.privacy.LookupHash;

/** The keyed hash that identifiers are looked up by in decisions and lists. */
record DecisionLookupKey(LookupHash hash) {}
