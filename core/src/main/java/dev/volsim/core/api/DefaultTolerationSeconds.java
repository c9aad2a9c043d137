package dev.volsim.core.api;

import dev.volsim.model.KubeObject;
import dev.volsim.model.core.Pod;
import dev.volsim.model.core.Toleration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code DefaultTolerationSeconds} admission plugin
 * (plugin/pkg/admission/defaulttolerationseconds): a Pod created without a toleration of the
 * {@code node.kubernetes.io/not-ready} or {@code node.kubernetes.io/unreachable} NoExecute taint
 * gets one with {@code tolerationSeconds} of {@code --default-not-ready-toleration-seconds} /
 * {@code --default-unreachable-toleration-seconds} (300 each): its Pods stay 5 minutes on a node
 * that stopped answering before the taint manager evicts them.
 */
public final class DefaultTolerationSeconds implements AdmissionPlugin {
  /** {@code v1.TaintNodeNotReady}. */
  public static final String TAINT_NOT_READY = "node.kubernetes.io/not-ready";
  /** {@code v1.TaintNodeUnreachable}. */
  public static final String TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";

  private final long notReadySeconds;
  private final long unreachableSeconds;

  public DefaultTolerationSeconds(long notReadySeconds, long unreachableSeconds) {
    this.notReadySeconds = notReadySeconds;
    this.unreachableSeconds = unreachableSeconds;
  }

  @Override
  public String name() {
    return "DefaultTolerationSeconds";
  }

  @Override
  public KubeObject admitCreate(KubeObject object, ApiServer api) {
    if (!(object instanceof Pod pod) || pod.spec() == null) {
      return object;
    }
    boolean notReady = tolerates(pod.spec().tolerations(), TAINT_NOT_READY);
    boolean unreachable = tolerates(pod.spec().tolerations(), TAINT_UNREACHABLE);
    if (notReady && unreachable) {
      return object;
    }
    return ObjectTrees.edit(pod, tree -> {
      List<Object> tolerations = ObjectTrees.list(ObjectTrees.map(tree, "spec"), "tolerations");
      if (!notReady) {
        tolerations.add(toleration(TAINT_NOT_READY, notReadySeconds));
      }
      if (!unreachable) {
        tolerations.add(toleration(TAINT_UNREACHABLE, unreachableSeconds));
      }
    });
  }

  /** Whether a toleration already covers the key's NoExecute taint (an empty key or effect matches all). */
  private static boolean tolerates(List<Toleration> tolerations, String key) {
    for (Toleration t : tolerations) {
      boolean keyMatches = t.key() == null || t.key().isEmpty() || t.key().equals(key);
      boolean effectMatches = t.effect() == null || t.effect().isEmpty() || t.effect().equals("NoExecute");
      if (keyMatches && effectMatches) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> toleration(String key, long seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("operator", "Exists");
    m.put("effect", "NoExecute");
    m.put("tolerationSeconds", seconds);
    return m;
  }
}
