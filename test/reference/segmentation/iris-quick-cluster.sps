* Reference for test/unit/main/analysis/segmentation/kMeansReference.test.ts:
* GNU PSPP QUICK CLUSTER (k-means) on iris.csv (written by kmeans-reference.R), k = 3, raw values.
* Regenerate: pspp -O format=csv -o iris-quick-cluster.csv iris-quick-cluster.sps (from this folder).
DATA LIST LIST (",") FILE='iris.csv' SKIP=1 /sepal_length sepal_width petal_length petal_width (F8.3).
QUICK CLUSTER sepal_length sepal_width petal_length petal_width
  /CRITERIA=CLUSTERS(3) MXITER(100) CONVERGE(0.0000001)
  /PRINT=INITIAL CLUSTER.
