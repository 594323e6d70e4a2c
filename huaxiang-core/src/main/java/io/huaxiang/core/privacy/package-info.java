/**
 * Personal-information protection building blocks: data classes (PBoC JR/T 0171-2020 C1–C3),
 * masking, field encryption with rotating keys, keyed lookup hashes and log redaction.
 *
 * <p>Nothing here reads keys, files or the clock: key material and randomness are passed in, so the
 * server decides where keys live (never in the same database as the ciphertext).
 */
package io.huaxiang.core.privacy;
