-- Undo V4: drop the sync tables, children first.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops table sync_history
-- @drops table conflict_resolutions
-- @drops table sync_metadata
DROP TABLE sync_history;
DROP TABLE conflict_resolutions;
DROP TABLE sync_metadata;
