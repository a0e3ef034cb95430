/*
 * data.h: where the lexicons and trained models in data/ are found at run
 * time: $CROSSREAD_DATA, else the installed DATADIR, else the source
 * tree's data/ (so programs run from build/ without installing).
 */
#ifndef DATA_H
#define DATA_H

/*
 * Path of the readable data file name (a malloc'd string the caller
 * frees), or NULL when no place holds it.  When $CROSSREAD_DATA is set it
 * is the only place looked at.
 */
char	*data_find(const char *name);

#endif
