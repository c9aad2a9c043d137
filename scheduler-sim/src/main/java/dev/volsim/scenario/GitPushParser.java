package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.world.FileSpec;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.YMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code admin: {git: URL, commit: {id, branch, files, parent}}}. The repository, its default
 * branch and its commits are known only when the step runs, so a missing branch and the parent are
 * resolved then.
 */
final class GitPushParser {
  private static final List<String> KEYS = List.of("git", "commit");
  private static final List<String> COMMIT_KEYS = List.of("id", "branch", "files", "parent");

  private final ScenarioErrors errors;

  GitPushParser(ScenarioErrors errors) {
    this.errors = errors;
  }

  Step parse(StepInfo info, YMap map, String where) {
    int before = errors.list().size();
    Map<String, Entry> e = Nodes.entries(map, where, KEYS, errors);
    String url = Nodes.nonEmptyString(e.get("git").value(), where + ".git", errors);
    if (!Nodes.require(e, "commit", map, where, errors)) {
      return null;
    }
    String w = where + ".commit";
    YMap commit = Nodes.map(e.get("commit").value(), w, errors);
    if (commit == null) {
      return null;
    }
    Map<String, Entry> c = Nodes.entries(commit, w, COMMIT_KEYS, errors);
    if (!Nodes.require(c, "id", commit, w, errors)) {
      return null;
    }
    String id = Nodes.nonEmptyString(c.get("id").value(), w + ".id", errors);
    String branch = c.containsKey("branch") ? Nodes.nonEmptyString(c.get("branch").value(), w + ".branch", errors) : null;
    String parent = c.containsKey("parent") ? Nodes.nonEmptyString(c.get("parent").value(), w + ".parent", errors) : null;
    ImmutableList<FileSpec> files = c.containsKey("files")
        ? new FilesParser(errors).parse(c.get("files").value(), w + ".files", FilesParser.Paths.RELATIVE)
        : ImmutableList.of();
    if (errors.list().size() > before || url == null || id == null) {
      return null;
    }
    return new Step.GitPush(info, url, id, branch, parent, files);
  }
}
