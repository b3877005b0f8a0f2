package io.github.tracecheck.pools;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches executors for tasks that lose the submitter's trace context: a task submitted while a
 * span was current must run with that span (or a descendant created in the task) current.
 *
 * <pre>{@code
 * ContextPropagationProbe probe = new ContextPropagationProbe();
 * ExecutorService pool = probe.wrap(Context.taskWrapping(Executors.newFixedThreadPool(4)));
 * CompletableFuture.supplyAsync(() -> price(order), probe.wrap(ForkJoinPool.commonPool()));
 * ...
 * probe.assertNoLosses();
 * }</pre>
 *
 * <p>Wrap the executor exactly as the code under test uses it, with the probe outermost: the
 * probe checks the context when the task body starts, after any context-restoring wrapper ran.
 */
public final class ContextPropagationProbe {

  private final List<ContextLoss> losses = new ArrayList<>();

  /** The executor, watched. */
  public ExecutorService wrap(ExecutorService delegate) {
    return new WatchedExecutorService(delegate);
  }

  /** The executor, watched (e.g. for {@code CompletableFuture.supplyAsync(supplier, executor)}). */
  public Executor wrap(Executor delegate) {
    return task -> delegate.execute(watch(task));
  }

  /** {@link ForkJoinPool#commonPool()}, watched: where {@code supplyAsync} runs without an executor. */
  public Executor commonPool() {
    return wrap((Executor) ForkJoinPool.commonPool());
  }

  /** The losses seen so far, in the order the tasks ran. */
  public List<ContextLoss> losses() {
    synchronized (losses) {
      return new ArrayList<>(losses);
    }
  }

  /** Fails with every loss and its submit site. */
  public void assertNoLosses() {
    List<ContextLoss> found = losses();
    if (!found.isEmpty()) {
      StringBuilder message = new StringBuilder("Expecting every task to run with the submitter's trace context, but ")
          .append(found.size()).append(found.size() == 1 ? " task" : " tasks").append(" did not:");
      for (ContextLoss loss : found) {
        message.append("\n  ").append(loss);
      }
      message.append("\nlikely cause: the task ran without the submitter's context: wrap the executor with"
          + " Context.taskWrapping(executor) or the task with Context.current().wrap(task)");
      throw new AssertionError(message.toString());
    }
  }

  Runnable watch(Runnable task) {
    Submission submission = Submission.now();
    return () -> {
      submission.check(this);
      task.run();
    };
  }

  <T> Callable<T> watch(Callable<T> task) {
    Submission submission = Submission.now();
    return () -> {
      submission.check(this);
      return task.call();
    };
  }

  void record(ContextLoss loss) {
    synchronized (losses) {
      losses.add(loss);
    }
  }

  /** What was current where a task was submitted. */
  private static final class Submission {
    private final SpanContext span;
    private final String thread;
    private final StackTraceElement[] stack;

    private Submission(SpanContext span, String thread, StackTraceElement[] stack) {
      this.span = span;
      this.thread = thread;
      this.stack = stack;
    }

    static Submission now() {
      SpanContext current = Span.current().getSpanContext();
      // The stack is only needed when the context is lost; it is captured only when there is one to lose.
      return new Submission(current, Thread.currentThread().getName(), current.isValid() ? new Throwable().getStackTrace() : null);
    }

    void check(ContextPropagationProbe probe) {
      if (!span.isValid()) {
        return;
      }
      SpanContext running = Span.current().getSpanContext();
      if (!running.getTraceId().equals(span.getTraceId())) {
        probe.record(new ContextLoss(span, thread, Thread.currentThread().getName(), site(), running));
      }
    }

    private String site() {
      for (StackTraceElement frame : stack) {
        String type = frame.getClassName();
        if (!type.startsWith(ContextPropagationProbe.class.getName()) && !type.startsWith("java.")
            && !type.startsWith("jdk.") && !type.startsWith("io.opentelemetry.")) {
          return frame.toString();
        }
      }
      return stack.length == 0 ? "(unknown)" : stack[0].toString();
    }
  }

  /** An ExecutorService whose every task is watched. */
  private final class WatchedExecutorService implements ExecutorService {
    private final ExecutorService delegate;

    WatchedExecutorService(ExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override
    public void execute(Runnable command) {
      delegate.execute(watch(command));
    }

    @Override
    public Future<?> submit(Runnable task) {
      return delegate.submit(watch(task));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
      return delegate.submit(watch(task), result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
      return delegate.submit(watch(task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
      return delegate.invokeAll(watchAll(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException {
      return delegate.invokeAll(watchAll(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
      return delegate.invokeAny(watchAll(tasks));
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      return delegate.invokeAny(watchAll(tasks), timeout, unit);
    }

    private <T> List<Callable<T>> watchAll(Collection<? extends Callable<T>> tasks) {
      List<Callable<T>> watched = new ArrayList<>();
      for (Callable<T> task : tasks) {
        watched.add(watch(task));
      }
      return watched;
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
    }
  }
}
