-- Undo V2: drop operators.
DROP TABLE operators;
