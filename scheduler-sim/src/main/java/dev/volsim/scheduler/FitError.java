package dev.volsim.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a pod fits no node, formatted as upstream's {@code FitError.Error()}
 * ({@code pkg/scheduler/framework/types.go}): {@code "0/N nodes are available:"}, then either the
 * PreFilter message or the histogram of Filter reasons ({@code "<count> <reason>"}, sorted as Go's
 * {@code sort.Strings} sorts them: byte order of the whole {@code "count reason"} string, so
 * {@code "10 x"} sorts before {@code "2 y"}), each followed by a period, then the PostFilter
 * (preemption) message after a space.
 *
 * @param numAllNodes the nodes in the snapshot
 * @param preFilterMsg the rejecting PreFilter status' message, or null
 * @param nodeToStatus each examined node's rejecting status (node name order)
 * @param absentStatus the status of nodes not in {@code nodeToStatus} (PreFilter rejection), or null
 */
record FitError(int numAllNodes, String preFilterMsg, Map<String, Status> nodeToStatus, Status absentStatus) {
  static final String NO_NODE_AVAILABLE_MSG = "0/%d nodes are available";

  /** The per-reason counts over all nodes. */
  Map<String, Integer> reasonCounts() {
    Map<String, Integer> reasons = new TreeMap<>();
    for (Status s : nodeToStatus.values()) {
      for (String r : s.reasons()) {
        reasons.merge(r, 1, Integer::sum);
      }
    }
    int absent = numAllNodes - nodeToStatus.size();
    if (absent > 0 && absentStatus != null) {
      for (String r : absentStatus.reasons()) {
        reasons.merge(r, absent, Integer::sum);
      }
    }
    return reasons;
  }

  /** The message without a PostFilter part. */
  String message() {
    return message(null);
  }

  /** The message with the PostFilter message (preemption) appended, if any. */
  String message(String postFilterMsg) {
    StringBuilder msg = new StringBuilder(String.format(NO_NODE_AVAILABLE_MSG + ":", numAllNodes));
    if (preFilterMsg != null && !preFilterMsg.isEmpty()) {
      msg.append(' ').append(preFilterMsg).append('.');
    } else {
      List<String> histogram = new ArrayList<>();
      reasonCounts().forEach((reason, count) -> histogram.add(count + " " + reason));
      histogram.sort(FitError::compareGoStrings);
      if (!histogram.isEmpty()) {
        msg.append(' ').append(String.join(", ", histogram)).append('.');
      }
    }
    if (postFilterMsg != null && !postFilterMsg.isEmpty()) {
      msg.append(' ').append(postFilterMsg);
    }
    return msg.toString();
  }

  /** Go compares strings byte by byte (UTF-8); for the ASCII reasons this is char order. */
  static int compareGoStrings(String a, String b) {
    byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }
}
