/* test_ent.c: the entities field round-trips any key; bad fields fail. */
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "unit.h"

static const char *const bad[] = {
	"0:5:PERSON",		/* no key separator */
	"0:5:PERSONA:x",	/* unknown type */
	"a:5:GPE:x",		/* offset not a number */
	"5:0:GPE:x",		/* ends before it starts */
	"0:5:GPE:x|",		/* empty mention */
	"0:5:GPE:a:b",		/* unescaped colon */
	"0:5:GPE:%4",		/* truncated escape */
	"0:5:GPE:%zz",		/* bad escape */
	"0:99999999999:GPE:x",	/* offset too large */
	"|",
};

int
main(void)
{
	struct ent_list l = { 0 }, m = { 0 };
	const char *err = NULL;
	char *out = NULL;
	size_t cap = 0, n, i;
	const char *keys[] = { "Donald Trump", "a|b:c%d", "", "2025-06-27",
	    "USD 1500000000" };

	CHECK_EQ_STR(ent_type_name(ENT_PERSON), "PERSON");
	CHECK_EQ_STR(ent_type_name(ENT_CARDINAL), "CARDINAL");
	CHECK_EQ_LONG(ent_type_parse("GPE", 3), ENT_GPE);
	CHECK_EQ_LONG(ent_type_parse("WORK_OF_ART", 11), ENT_WORK_OF_ART);
	CHECK_EQ_LONG(ent_type_parse("GP", 2), -1);

	for (i = 0; i < 5; i++)
		ent_add(&l, (uint32_t)(i * 10), (uint32_t)(i * 10 + 4),
		    (enum ent_type)(i * 3), keys[i], strlen(keys[i]));
	n = ent_format(&l, &out, &cap);
	CHECK_EQ_MEM(out, n, "0:4:PERSON:Donald Trump|10:14:ORG:a%7Cb%3Ac%25d|"
	    "20:24:PRODUCT:|30:34:LAW:2025-06-27|40:44:DATE:USD 1500000000");
	CHECK_EQ_LONG(ent_parse(out, n, &m, &err), 0);
	CHECK_EQ_LONG(m.n, 5);
	for (i = 0; i < m.n && i < 5; i++) {
		CHECK_EQ_STR(ent_key(&m, i), keys[i]);
		CHECK_EQ_LONG(m.v[i].key_len, strlen(keys[i]));
		CHECK_EQ_LONG(m.v[i].start, i * 10);
		CHECK_EQ_LONG(m.v[i].end, i * 10 + 4);
		CHECK_EQ_LONG(m.v[i].type, i * 3);
	}
	/* Lower-case escapes are read too; empty field, no mentions. */
	CHECK_EQ_LONG(ent_parse("1:2:GPE:%7c", 11, &m, &err), 0);
	CHECK_EQ_STR(ent_key(&m, 0), "|");
	CHECK_EQ_LONG(ent_parse("", 0, &m, &err), 0);
	CHECK_EQ_LONG(m.n, 0);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err = NULL;
		CHECK_EQ_LONG(ent_parse(bad[i], strlen(bad[i]), &m, &err), -1);
		CHECK(err != NULL);
	}
	ent_clear(&l);
	CHECK_EQ_LONG(ent_format(&l, &out, &cap), 0);
	free(out);
	ent_list_free(&l);
	ent_list_free(&m);
	UNIT_END();
}
