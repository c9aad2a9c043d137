/**
 * The scheduler ({@code kube-scheduler}'s default profile, the parts that matter for volumes):
 * {@link dev.volsim.scheduler.Scheduler} with its {@code SchedulingQueue} (active queue, backoff
 * queue, unschedulable pods), the framework's phases (PreFilter, Filter, PostFilter, Score,
 * Reserve, PreBind, Bind) and the plugins, named as upstream: {@code NodeUnschedulable},
 * {@code NodeName}, {@code TaintToleration}, {@code NodeAffinity}, {@code NodeResourcesFit},
 * {@code VolumeRestrictions}, {@code NodeVolumeLimits}, {@code VolumeBinding}, {@code VolumeZone},
 * {@code DefaultPreemption} (its message only). {@code FitError} builds the FailedScheduling
 * message exactly as {@code pkg/scheduler/framework/types.go} does.
 */
package dev.volsim.scheduler;
