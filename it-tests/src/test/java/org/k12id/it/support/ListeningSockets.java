package org.k12id.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sockets a process (and its children) has open for others to reach, read from Linux's {@code /proc}: every TCP
 * socket in LISTEN state and every UDP socket, with the address and port each is bound to. The same facts
 * {@code ss -ltnup} prints, without depending on its output format.
 */
public final class ListeningSockets {

    /** One bound socket: {@code tcp} or {@code udp}, its local address and port. */
    public record Bound(String protocol, InetAddress address, int port) {

        public boolean loopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return protocol + " " + address.getHostAddress() + ":" + port;
        }
    }

    private static final String TCP_LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Every listening TCP socket and every UDP socket held by the processes {@code pids}. */
    public static List<Bound> of(List<Long> pids) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            Path fds = Path.of("/proc", String.valueOf(pid), "fd");
            if (!Files.isDirectory(fds)) {
                continue;
            }
            try (Stream<Path> links = Files.list(fds)) {
                for (Path link : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring("socket:[".length(), target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor was closed while we listed them
                    }
                }
            }
        }
        List<Bound> bound = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc/net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean tcp = table.startsWith("tcp");
                if (fields.length < 10 || !inodes.contains(fields[9]) || tcp && !TCP_LISTEN.equals(fields[3])) {
                    continue;
                }
                String[] local = fields[1].split(":");
                bound.add(new Bound(tcp ? "tcp" : "udp", address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
        return bound;
    }

    /** An address as /proc/net prints it: 32-bit words in hex, each in the machine's (little-endian) byte order. */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        // an IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address
        return InetAddress.getByAddress(address);
    }
}
