package dev.volsim.model.io;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Bounds on what a reader accepts, so hostile input (alias bombs, deep nesting, huge documents)
 * fails fast in bounded memory.
 *
 * @param maxFileBytes largest file read at all
 * @param maxDocumentChars largest single document, in characters
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxNodes most values one document may expand to (aliases counted at every use)
 * @param maxAliasesForCollections most aliases to mappings or sequences in one document
 */
public record ReadLimits(
    long maxFileBytes, int maxDocumentChars, int maxDepth, int maxNodes, int maxAliasesForCollections) {

  /**
   * The defaults: the API server's 3 MiB request limit per document, 64 MiB per file, nesting 100
   * deep, one million values per document, 100 collection aliases.
   */
  public static final ReadLimits DEFAULT = new ReadLimits(64L << 20, 3 << 20, 100, 1_000_000, 100);

  public ReadLimits {
    checkArgument(maxFileBytes > 0, "maxFileBytes is %s", maxFileBytes);
    checkArgument(maxDocumentChars > 0, "maxDocumentChars is %s", maxDocumentChars);
    checkArgument(maxDepth > 0, "maxDepth is %s", maxDepth);
    checkArgument(maxNodes > 0, "maxNodes is %s", maxNodes);
    checkArgument(maxAliasesForCollections >= 0, "maxAliasesForCollections is %s", maxAliasesForCollections);
  }
}
