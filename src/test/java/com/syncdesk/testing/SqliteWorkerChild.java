package com.syncdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A sync worker in its own JVM, the way another program meets SyncDesk's file: it keeps one connection open
 * and commits one audit row at a time, printing the number of each row it committed. A locked file makes it
 * wait and try again, as a worker would.
 */
public final class SqliteWorkerChild {

    public static final String COMMITTED = "committed ";

    private SqliteWorkerChild() {
    }

    public static void main(String[] args) throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             Statement setup = connection.createStatement()) {
            setup.execute("PRAGMA busy_timeout = 200");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_log (at, operator, action, entity_type, entity_id) VALUES ('2026-12-01 00:00:00.000000', 'worker', 'sync', 'issue', ?)")) {
                for (int n = 1; ; n++) {
                    insert.setString(1, "W-" + n);
                    try {
                        insert.executeUpdate();
                        System.out.println(COMMITTED + n);
                        System.out.flush();
                    } catch (SQLException locked) {
                        n--;
                        TimeUnit.MILLISECONDS.sleep(20);
                    }
                    TimeUnit.MILLISECONDS.sleep(5);
                }
            }
        }
    }

    /** A running worker and what it has said it committed. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final List<Integer> committed = new ArrayList<>();
        private final Thread reader;

        private Running(Process process) {
            this.process = process;
            this.reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith(COMMITTED)) {
                            synchronized (committed) {
                                committed.add(Integer.parseInt(line.substring(COMMITTED.length())));
                            }
                        }
                    }
                } catch (IOException ended) {
                    // the worker was stopped
                }
            });
        }

        public static Running start(Path file) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), SqliteWorkerChild.class.getName(),
                    file.toString());
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            return new Running(builder.start());
        }

        public int committed() {
            synchronized (committed) {
                return committed.size();
            }
        }

        /** Waits until the worker has committed at least {@code rows} rows. */
        public void awaitCommitted(int rows) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (committed() < rows) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("The worker committed only " + committed() + " rows");
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
        }

        /** Stops the worker (as a SIGKILL would) and returns how many rows it said it committed. */
        public int stop() throws InterruptedException {
            process.destroyForcibly().waitFor();
            reader.join();
            return committed();
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
