package dev.volsim.model.io;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.KubeObject;

/**
 * What a load gave: the objects that were read and accepted, and every problem, in file order.
 * An object with an error is not among the manifests.
 *
 * @param manifests the accepted objects, in the order they appeared
 * @param problems errors and warnings, in the order they were found
 */
public record LoadResult(ImmutableList<Manifest> manifests, ImmutableList<Problem> problems) {
  public LoadResult {
    manifests = ImmutableList.copyOf(manifests);
    problems = ImmutableList.copyOf(problems);
  }

  /** Whether nothing was rejected (warnings allowed). */
  public boolean ok() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /** Only the errors. */
  public ImmutableList<Problem> errors() {
    return problems.stream().filter(Problem::isError).collect(ImmutableList.toImmutableList());
  }

  /** The accepted objects. */
  public ImmutableList<KubeObject> objects() {
    return manifests.stream().map(Manifest::object).collect(ImmutableList.toImmutableList());
  }
}
