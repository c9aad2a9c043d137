/**
 * The workload controllers of kube-controller-manager, for their storage-relevant behaviour:
 * {@link dev.volsim.core.controller.workload.StatefulSetController} (ordered Pods and their
 * volumeClaimTemplates claims, retention policy),
 * {@link dev.volsim.core.controller.workload.DeploymentController} (ReplicaSets per template
 * hash, RollingUpdate and Recreate), {@link dev.volsim.core.controller.workload.ReplicaSetController}
 * (Pods by generateName, upstream's deletion ranking) and
 * {@link dev.volsim.core.controller.workload.DaemonSetController} (one Pod per eligible node).
 * Pods become Running and Ready only when a kubelet says so; tests without one mark them by hand.
 */
package dev.volsim.core.controller.workload;
