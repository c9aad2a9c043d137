package dev.volsim.model.core;

/**
 * A toleration of node taints. {@code operator} and {@code effect} are strings because the API
 * gives the empty string a meaning (Equal, and every effect).
 *
 * @param key the taint key matched; empty with operator Exists matches every taint
 * @param operator {@code Exists} or {@code Equal}; empty means Equal
 * @param value the value matched with Equal; must be empty with Exists
 * @param effect the taint effect matched: NoSchedule, PreferNoSchedule or NoExecute; empty
 *     matches every effect
 * @param tolerationSeconds with NoExecute, how long the Pod stays bound after the taint appears;
 *     null means forever
 */
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
  /** Whether this toleration tolerates the taint ({@code ToleratesTaint}). */
  public boolean tolerates(Taint taint) {
    String eff = effect == null ? "" : effect;
    if (!eff.isEmpty() && !eff.equals(taint.effect() == null ? "" : taint.effect().wire())) {
      return false;
    }
    String k = key == null ? "" : key;
    if (!k.isEmpty() && !k.equals(taint.key())) {
      return false;
    }
    String op = operator == null ? "" : operator;
    String v = value == null ? "" : value;
    String tv = taint.value() == null ? "" : taint.value();
    return switch (op) {
      case "", "Equal" -> v.equals(tv);
      case "Exists" -> true;
      default -> false;
    };
  }
}
