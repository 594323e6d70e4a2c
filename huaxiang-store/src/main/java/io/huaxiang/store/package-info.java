/** PostgreSQL persistence: schema migrations, the event log and profile snapshots. */
package io.huaxiang.store;
