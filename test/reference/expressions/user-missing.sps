* Reference for test/integration/expressions/userMissing.test.ts:
* GNU PSPP on the fixture pyreadstat/sample_missing.sav, whose variables declare user-missing
* codes: mylabl -1 ("undetermined"), myord -1, -2, -3, mynum 2000 THRU 3000 and -1.
* In a transformation expression a user-missing value becomes system-missing, except inside VALUE.
* Regenerate: pspp -O format=csv -o user-missing.csv user-missing.sps (from this folder).
GET FILE='../../../../shared/fixtures/pyreadstat/sample_missing.sav'.
COMPUTE female = (mylabl = 2).
COMPUTE notmale = (mylabl >= 2).
COMPUTE miss = MISSING(mylabl).
COMPUTE refused = (VALUE(mylabl) = -1).
COMPUTE highord = (myord >= 2).
COMPUTE numx2 = mynum * 2.
COMPUTE num2 = VALUE(mynum) * 2.
* Our recode(mylabl, 1 -> 1, else -> 2): missing values (user or system) stay missing.
RECODE mylabl (MISSING=SYSMIS) (1=1) (ELSE=2) INTO grp.
* Our recode(mylabl, 1 -> 1, missing -> 9, else -> 2).
RECODE mylabl (1=1) (MISSING=9) (ELSE=2) INTO grpmiss.
* SPSS's own ELSE takes user- and system-missing values too; ours does not.
RECODE mylabl (1=1) (ELSE=2) INTO grpelse.
FORMATS female notmale miss refused highord grp grpmiss grpelse (F2.0) numx2 num2 (F10.2).
LIST mylabl myord mynum female notmale miss refused highord numx2 num2 grp grpmiss grpelse.
FREQUENCIES mylabl female notmale miss refused highord grp grpmiss grpelse.
