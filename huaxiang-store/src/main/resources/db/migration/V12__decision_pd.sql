-- The probability of default each decision scored, beside its JSON: a what-if simulation over a
-- million past applications compares expected loss without reading and parsing every stored
-- decision (≈ 5.5 kB of JSON each). Null for unscored decisions; rows stored before this column
-- keep null and readers fall back to the PD inside the decision JSON.
alter table decisions add column pd double precision;
