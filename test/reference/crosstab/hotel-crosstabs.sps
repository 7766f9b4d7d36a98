* Reference for test/unit/main/analysis/crosstab/buildTable.test.ts:
* GNU PSPP CROSSTABS on the fixture pspp/examples/hotel.sav (unweighted).
* Regenerate: pspp -O format=csv -o hotel-crosstabs.csv hotel-crosstabs.sps (from this folder, with CEW_FIXTURES set).
GET FILE='../../../../shared/fixtures/pspp/examples/hotel.sav'.
CROSSTABS /TABLES=v1 BY v3 /CELLS=COUNT COLUMN ROW /STATISTICS=CHISQ.
