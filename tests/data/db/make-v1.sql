-- make-v1.sql — builds tests/data/db/schema-v1.db, a database as version 1 of
-- Déclic left it (before the learner model), for the migration test:
--   rm -f schema-v1.db && sqlite3 schema-v1.db < make-v1.sql
-- The CREATE statements are exactly those of step 1 in src/store/store_schema.c
-- (t_store checks that a migrated copy has the schema of a new database).
PRAGMA journal_mode = DELETE;
BEGIN;
CREATE TABLE settings(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE pin(id INTEGER PRIMARY KEY CHECK (id = 1), hash TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0, last_failure INTEGER NOT NULL DEFAULT 0);
CREATE TABLE classes(id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
  secrets INTEGER NOT NULL DEFAULT 0);
CREATE TABLE pupils(id INTEGER PRIMARY KEY,
  class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  name TEXT NOT NULL, key TEXT NOT NULL, secret INTEGER NOT NULL DEFAULT 0,
  UNIQUE (class_id, key));
CREATE TABLE runs(id INTEGER PRIMARY KEY,
  pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  pack TEXT NOT NULL, lesson TEXT NOT NULL, started INTEGER NOT NULL,
  updated INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0,
  position TEXT NOT NULL DEFAULT '', percent INTEGER NOT NULL DEFAULT 0,
  ending INTEGER NOT NULL DEFAULT 0, stars INTEGER NOT NULL DEFAULT 0);
CREATE INDEX runs_by_pupil ON runs(pupil, finished, updated);
CREATE INDEX runs_by_lesson ON runs(pupil, pack, lesson);
CREATE TABLE attempts(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
  pupil INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
  run INTEGER REFERENCES runs(id) ON DELETE CASCADE,
  pack TEXT NOT NULL, lesson TEXT NOT NULL, scene TEXT NOT NULL, item TEXT NOT NULL,
  skill TEXT, kind TEXT NOT NULL, response TEXT NOT NULL, correct INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL, ts INTEGER NOT NULL);
CREATE INDEX attempts_by_pupil ON attempts(pupil, ts);
CREATE INDEX attempts_by_run ON attempts(run);
PRAGMA user_version = 1;
PRAGMA application_id = 1153673580;
INSERT INTO settings(key, value) VALUES ('language', 'fr');
INSERT INTO classes(id, name, key, secrets) VALUES (1, 'CM1 Jaurès', 'cm1 jaures', 1);
INSERT INTO classes(id, name, key, secrets) VALUES (2, 'CE2', 'ce2', 0);
INSERT INTO pupils(id, class_id, name, key, secret) VALUES (1, 1, 'Léa', 'lea', 5);
INSERT INTO pupils(id, class_id, name, key, secret) VALUES (2, 1, 'Noé', 'noe', 0);
INSERT INTO pupils(id, class_id, name, key, secret) VALUES (3, 2, 'Jean-Luc', 'jean luc', 0);
INSERT INTO runs(id, pupil, pack, lesson, started, updated, finished, position, percent, ending, stars)
  VALUES (1, 1, 'donnees', 'mot-de-passe', 1700000000, 1700000300, 1700000300, 'end', 100, 2, 3);
INSERT INTO runs(id, pupil, pack, lesson, started, updated, finished, position, percent, ending, stars)
  VALUES (2, 1, 'donnees', 'photo', 1700001000, 1700001100, 0, 'scene-3:2', 45, 0, 0);
INSERT INTO attempts(uuid, pupil, run, pack, lesson, scene, item, skill, kind, response, correct, duration_ms, ts)
  VALUES ('0b6f3c2e-1c1a-4e4b-9d5e-2f7a1f0c9a01', 1, 1, 'donnees', 'mot-de-passe', 's1', 'q1', 'mdp-secret', 'answer', 'non', 1, 4200, 1700000100);
INSERT INTO attempts(uuid, pupil, run, pack, lesson, scene, item, skill, kind, response, correct, duration_ms, ts)
  VALUES ('0b6f3c2e-1c1a-4e4b-9d5e-2f7a1f0c9a02', 1, 1, 'donnees', 'mot-de-passe', 's2', 'c1', NULL, 'choice', 'b', 0, 2100, 1700000200);
INSERT INTO attempts(uuid, pupil, run, pack, lesson, scene, item, skill, kind, response, correct, duration_ms, ts)
  VALUES ('0b6f3c2e-1c1a-4e4b-9d5e-2f7a1f0c9a03', 1, 2, 'donnees', 'photo', 's1', 'q1', 'image-droit', 'answer', 'oui', 1, 3000, 1700001050);
INSERT INTO attempts(uuid, pupil, run, pack, lesson, scene, item, skill, kind, response, correct, duration_ms, ts)
  VALUES ('0b6f3c2e-1c1a-4e4b-9d5e-2f7a1f0c9a04', 3, NULL, 'donnees', 'mot-de-passe', 's1', 'q1', 'mdp-secret', 'answer', 'peut-être', 0, 9000, 1700002000);
INSERT INTO pin(id, hash, failures, last_failure) VALUES (1, '$y$j9T$placeholder$notarealhashxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 2, 1700000000);
COMMIT;
