/**
 * Parsed, validated identifiers of people and their accounts: resident ID numbers, mainland mobile
 * numbers and bank card numbers. Each parses with a specific, bilingual reason on failure, and
 * prints only its masked form.
 */
package io.huaxiang.core.identity;
