package io.huaxiang.server.ingest;

/**
 * A record that was not accepted: where it was, why (a stable code), which field, and a message.
 */
public record Rejection(long position, String reason, String field, String message) {}
