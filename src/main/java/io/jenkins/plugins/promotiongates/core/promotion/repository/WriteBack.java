package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Starts the disk write-back of a file while it is still being written: a thread that fsyncs the file
 * each time another {@value #STEP_MIB} MiB have been written, so that the writer never waits for the disk
 * and the caller's final fsync has at most that much left to flush. (Java has no
 * {@code sync_file_range}; an fsync on another thread is the way to write back without blocking the
 * writer.) On a virtual disk this write-back takes about as long as hashing the bytes, so overlapping the
 * two is what keeps a durable promotion near the time of the slower of them.
 */
final class WriteBack implements AutoCloseable {

    private static final int STEP_MIB = 64;
    private static final long STEP = (long) STEP_MIB << 20;

    private final FileChannel out;
    private final Thread thread;
    private long written;
    private boolean finished;
    private IOException failure;

    private WriteBack(FileChannel out, String what) {
        this.out = out;
        this.thread = new Thread(this::flushAll, "promotion write-back " + what);
        thread.setDaemon(true);
    }

    static WriteBack start(FileChannel out, String what) {
        WriteBack writeBack = new WriteBack(out, what);
        writeBack.thread.start();
        return writeBack;
    }

    /** Says that {@code total} bytes have been written so far. */
    synchronized void written(long total) {
        written = total;
        if (total % STEP < HashingCopy.BUFFER_SIZE) {
            notifyAll();
        }
    }

    /** Stops the thread; rethrows what a write-back failed with (the caller's fsync would fail too). */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            finished = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the file was being written back to the disk", e);
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void flushAll() {
        long flushed = 0;
        while (true) {
            synchronized (this) {
                while (!finished && written - flushed < STEP) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (finished) {
                    return;
                }
            }
            long upTo;
            synchronized (this) {
                upTo = written;
            }
            try {
                out.force(false);
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                }
                return;
            }
            flushed = upTo;
        }
    }
}
