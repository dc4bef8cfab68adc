#!/bin/sh
# t_small.sh — every lesson of the bundled packs also fits the smallest
# terminal Déclic supports, 60×20 (the play-through at that size).
exec "$top_builddir/tests/content/t_playthrough" --size 60x20 "$top_srcdir/content"
