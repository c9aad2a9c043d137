package dev.volsim.scheduler;

/**
 * The cluster events that move unschedulable pods back to the active or backoff queue, coarser
 * than upstream's {@code framework.ClusterEvent} (resource plus action type): volsim does not
 * split node updates into label, taint and allocatable changes.
 */
enum ClusterEvent {
  NODE_ADD,
  NODE_UPDATE,
  POD_DELETE,
  PV_ADD_OR_UPDATE,
  PVC_ADD,
  PVC_UPDATE,
  STORAGE_CLASS_ADD_OR_UPDATE,
  CSI_NODE_ADD_OR_UPDATE,
  CSI_DRIVER_UPDATE,
  CSI_STORAGE_CAPACITY_ADD_OR_UPDATE
}
