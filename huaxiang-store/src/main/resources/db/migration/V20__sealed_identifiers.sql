-- Identifiers in events (relation targets, device ids, IPs) are kept out of the payload: the
-- payload holds their pseudonym (a keyed HMAC, "lk:..."), sealed holds the AES-256-GCM
-- ciphertexts ({"device_id":"hx1:<key id>:..."}), key_id names the key that sealed them, so
-- `huaxiang keys rotate` finds what still needs re-encrypting. See docs/security.md.
alter table events add column sealed jsonb;
alter table events add column key_id text;

-- Find users by a phone, card or contact they were linked to, through its pseudonym.
create index events_relation_target on events ((payload->>'target')) where type = 'relation';

-- Dead letters keep the refused record and message encrypted (they may quote an ID number or a
-- phone); user_id, when the record named one, lets erasure remove them.
alter table dead_letters add column user_id text;
create index dead_letters_by_user on dead_letters (user_id) where user_id is not null;
