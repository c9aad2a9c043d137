package dev.volsim.scenario;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.io.Location;
import dev.volsim.model.io.YNode;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading a scenario, so all of them can be reported at once. */
public final class ScenarioErrors {
  private final List<ScenarioError> errors = new ArrayList<>();

  public void add(Location location, String message) {
    errors.add(new ScenarioError(location, message));
  }

  public void add(YNode node, String message) {
    add(node.location(), message);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public ImmutableList<ScenarioError> list() {
    return ImmutableList.copyOf(errors);
  }
}
