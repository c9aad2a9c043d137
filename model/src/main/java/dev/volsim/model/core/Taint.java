package dev.volsim.model.core;

import java.time.Instant;

/**
 * A taint of a node: Pods that do not tolerate it are kept off (and, with NoExecute, evicted).
 *
 * @param key the taint key, a qualified name
 * @param value the taint value, a label value
 * @param effect NoSchedule, PreferNoSchedule or NoExecute
 * @param timeAdded when a NoExecute taint was added
 */
public record Taint(String key, String value, TaintEffect effect, Instant timeAdded) {}
