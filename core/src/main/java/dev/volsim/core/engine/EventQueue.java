package dev.volsim.core.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, sequence), with removal by handle. Written by hand
 * because it is the engine's hot path: no comparator indirection, no boxing.
 */
final class EventQueue {
  private ScheduledEvent[] heap = new ScheduledEvent[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  ScheduledEvent peek() {
    return size == 0 ? null : heap[0];
  }

  void add(ScheduledEvent e) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = e;
    e.heapIndex = size;
    siftUp(size++);
  }

  ScheduledEvent poll() {
    if (size == 0) {
      return null;
    }
    ScheduledEvent top = heap[0];
    removeAt(0);
    return top;
  }

  boolean remove(ScheduledEvent e) {
    int i = e.heapIndex;
    if (i < 0 || i >= size || heap[i] != e) {
      return false;
    }
    removeAt(i);
    return true;
  }

  private void removeAt(int i) {
    ScheduledEvent removed = heap[i];
    removed.heapIndex = -1;
    size--;
    if (i == size) {
      heap[size] = null;
      return;
    }
    ScheduledEvent last = heap[size];
    heap[size] = null;
    heap[i] = last;
    last.heapIndex = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private static boolean less(ScheduledEvent a, ScheduledEvent b) {
    return a.time < b.time || (a.time == b.time && a.seq < b.seq);
  }

  private void siftUp(int i) {
    ScheduledEvent e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      ScheduledEvent p = heap[parent];
      if (!less(e, p)) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = e;
    e.heapIndex = i;
  }

  private void siftDown(int i) {
    ScheduledEvent e = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      ScheduledEvent c = heap[child];
      int right = child + 1;
      if (right < size && less(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!less(c, e)) {
        break;
      }
      heap[i] = c;
      c.heapIndex = i;
      i = child;
    }
    heap[i] = e;
    e.heapIndex = i;
  }
}
