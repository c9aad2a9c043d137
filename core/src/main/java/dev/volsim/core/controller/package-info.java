/**
 * The controller runtime, modelled on client-go and driven by the engine instead of goroutines.
 *
 * <ul>
 *   <li>{@link dev.volsim.core.controller.WorkQueue}: a rate-limited work queue with its workers:
 *       keys de-duplicated through client-go's dirty and processing sets, FIFO otherwise,
 *       delayed and rate-limited adds as engine events, one engine event per processed key and
 *       none while empty. Its handler answers with a {@link dev.volsim.core.controller.SyncResult}.
 *   <li>{@link dev.volsim.core.controller.RateLimiter} and its implementations
 *       {@link dev.volsim.core.controller.ItemExponentialFailureRateLimiter},
 *       {@link dev.volsim.core.controller.BucketRateLimiter} (x/time/rate's token bucket in
 *       virtual time) and {@link dev.volsim.core.controller.MaxOfRateLimiter};
 *       {@link dev.volsim.core.controller.RateLimiters#defaultControllerRateLimiter} is
 *       client-go's {@code DefaultControllerRateLimiter}.
 *   <li>{@link dev.volsim.core.controller.PeriodicLoop}: a polling loop (the 100 ms reconcilers,
 *       resyncs) that ticks only on its grid {@code t0 + k·P} and schedules nothing while idle.
 * </ul>
 *
 * <p>Everything here is deterministic: virtual time only, no threads, no iteration over hash
 * order.
 */
package dev.volsim.core.controller;
