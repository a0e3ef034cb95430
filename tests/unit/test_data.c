/* test_data.c: $CROSSREAD_DATA is the only place looked at when set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "data.h"
#include "unit.h"

int
main(void)
{
	char dir[] = "/tmp/crossread-data-XXXXXX", path[64];
	FILE *fp;
	char *p;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/model.bin", dir);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp != NULL)
		fclose(fp);
	setenv("CROSSREAD_DATA", dir, 1);
	p = data_find("model.bin");
	CHECK(p != NULL && strcmp(p, path) == 0);
	free(p);
	CHECK(data_find("no-such-file") == NULL);
	unlink(path);
	CHECK(data_find("model.bin") == NULL);
	rmdir(dir);
	UNIT_END();
}
