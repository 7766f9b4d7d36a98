/**
 * The fused cross-tab kernel's plan (../shared/PERFORMANCE.md): stub variables are packed into
 * joint codes (the product of their category counts, each plus one slot for "missing", kept
 * under a limit), banner groups likewise, so each respondent updates one small joint table per
 * (stub pack × banner pack) instead of one table per (stub × banner group). The joint tables are
 * split back into the individual tables at the end (jointSplit.ts).
 *
 * A banner pack's joint code has one more slot past its product, the dump: respondents the filter
 * leaves out, or whose weight is missing or not positive, land there and are never read back. So
 * the counting loop has no branch per respondent.
 */

/** Joint code products up to this size: the tables of a stub pack × banner pack stay in L2. */
export const JOINT_LIMIT = 170;

export interface Pack {
  /** Indexes of the packed variables in the caller's list, in digit order (lowest stride first). */
  members: number[];
  /** Per member: its number of categories (its "missing" digit is this number). */
  categories: number[];
  /** Per member: the stride of its digit in the joint code. */
  strides: number[];
  /** Number of joint codes: the product of (categories + 1) over the members. */
  product: number;
}

/**
 * Packs variables with the given category counts into joint codes of at most `limit` codes:
 * first fit, biggest first, so small variables fill the gaps beside big ones. A variable bigger
 * than the limit gets a pack of its own (its joint code is its category index, up to 0xfffe).
 */
export function packVariables(categories: readonly number[], limit = JOINT_LIMIT): Pack[] {
  const order = categories
    .map((count, index) => ({ count, index }))
    .sort((a, b) => b.count - a.count || a.index - b.index);
  const packs: Array<{ members: number[]; product: number }> = [];
  for (const { count, index } of order) {
    const size = count + 1;
    const pack = packs.find((p) => p.product * size <= limit);
    if (pack) {
      pack.members.push(index);
      pack.product *= size;
    } else packs.push({ members: [index], product: size });
  }
  return packs.map(({ members }) => {
    members.sort((a, b) => a - b);
    const strides: number[] = [];
    let stride = 1;
    for (const member of members) {
      strides.push(stride);
      stride *= categories[member]! + 1;
    }
    return { members, categories: members.map((m) => categories[m]!), strides, product: stride };
  });
}

export interface JointPlan {
  stubPacks: Pack[];
  /** Never empty: a banner with no group has one pack of product 1 (every respondent code 0). */
  bannerPacks: Pack[];
  /**
   * Per stub × banner pack (stub major, stubs in the caller's order): where its margin starts in
   * one buffer of all margins, in cells. A margin is the joint table of the pair summed over the
   * other stubs of the pack: categories × banner pack product cells (the dump left out).
   */
  margins: number[];
  /** Cells in all margins together. */
  marginCells: number;
  /** The largest joint table of one pair, in cells (stub codes × (banner codes + the dump)). */
  maxTableCells: number;
}

/**
 * `alone`: the last `alone` stubs each get a pack of their own, counted first; the others are
 * packed as they would be without them (so their sums are the same, bit for bit).
 */
export function jointPlan(
  stubCategories: readonly number[],
  groupColumns: readonly number[],
  limit = JOINT_LIMIT,
  alone = 0,
): JointPlan {
  const packed = stubCategories.length - alone;
  const stubPacks = [
    ...stubCategories.slice(packed).map((categories, i) => ({
      members: [packed + i],
      categories: [categories],
      strides: [1],
      product: categories + 1,
    })),
    ...packVariables(stubCategories.slice(0, packed), limit),
  ];
  const bannerPacks =
    groupColumns.length > 0
      ? packVariables(groupColumns, limit)
      : [{ members: [], categories: [], strides: [], product: 1 }];
  const margins: number[] = [];
  let marginCells = 0;
  for (const categories of stubCategories) {
    for (const bannerPack of bannerPacks) {
      margins.push(marginCells);
      marginCells += categories * bannerPack.product;
    }
  }
  let maxTableCells = 0;
  for (const stubPack of stubPacks) {
    for (const bannerPack of bannerPacks)
      maxTableCells = Math.max(maxTableCells, stubPack.product * (bannerPack.product + 1));
  }
  return { stubPacks, bannerPacks, margins, marginCells, maxTableCells };
}
