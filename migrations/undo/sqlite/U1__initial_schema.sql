-- Undo V1: drop the local entities.
-- What this undo drops, for the data-loss report and the backup (a test checks it against the schema):
-- @drops table issues
-- @drops table sprints
-- @drops table boards
-- @drops table projects
DROP TABLE issues;
DROP TABLE sprints;
DROP TABLE boards;
DROP TABLE projects;
