* Reference for test/unit/main/analysis/significance/*.test.ts: GNU PSPP 1.6 (Debian package
* pspp) on fixtures in ../shared/fixtures, read in place.
* Regenerate from this folder (the paths below are relative to it, as in the repository layout
* main/ beside shared/):
*   pspp -O format=csv -o pspp-reference.csv pspp-reference.sps
* PSPP prints statistics to 2 decimals and significances to 3; the tests compare within half a
* unit of the last printed digit.

* 1. An aggregated r x c table with an integer frequency weight (PSPP's own CROSSTABS test data):
*    integer weights, so PSPP's rounding of case weights changes nothing.
DATA LIST LIST NOTABLE FILE='../../../../shared/fixtures/pspp/inline/crosstabs_residuals_weighted.csv' SKIP=1 /r c n.
WEIGHT BY n.
CROSSTABS /TABLES=r BY c /CELLS=COUNT /STATISTICS=CHISQ.
WEIGHT OFF.

* 2. Real .sav files, unweighted: a 5-point scale by another (hotel.sav) and a real online survey
*    (Learning.sav, user-missing 777/999 excluded as CROSSTABS does by default).
GET FILE='../../../../shared/fixtures/pspp/examples/hotel.sav'.
CROSSTABS /TABLES=v2 BY v4 /CELLS=COUNT /STATISTICS=CHISQ.
GET FILE='../../../../shared/fixtures/medella-spss/Learning.sav'.
CROSSTABS /TABLES=Q1school BY Q2gradyear /CELLS=COUNT /STATISTICS=CHISQ.

* 3. Independent-samples t-tests (pooled "equal variances assumed" and Welch) on a real .sav,
*    and the per-group sums the tests feed to meansTTest, listed to 10 decimals.
GET FILE='../../../../shared/fixtures/pspp/examples/physiology.sav'.
T-TEST GROUPS=sex(0,1) /VARIABLES=height weight temperature.
COMPUTE one = 1.
COMPUTE height2 = height * height.
COMPUTE weight2 = weight * weight.
COMPUTE temperature2 = temperature * temperature.
AGGREGATE OUTFILE=* /BREAK=sex
  /n=SUM(one) /sumheight=SUM(height) /sumheight2=SUM(height2)
  /sumweight=SUM(weight) /sumweight2=SUM(weight2)
  /sumtemperature=SUM(temperature) /sumtemperature2=SUM(temperature2).
FORMATS n sumheight sumheight2 sumweight sumweight2 sumtemperature sumtemperature2 (F32.10).
LIST.

* 4. PSPP's own t-test data: two of the three groups of INDEP.
DATA LIST LIST NOTABLE FILE='../../../../shared/fixtures/pspp/inline/ttest_groups.csv' SKIP=1 /ID INDEP DEP1 DEP2.
T-TEST GROUPS=INDEP(1.1,2.1) /VARIABLES=DEP1 DEP2.
