-- Undo V2: drop operators.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops table operators
DROP TABLE operators;
