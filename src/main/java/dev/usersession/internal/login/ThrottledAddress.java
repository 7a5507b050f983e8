package dev.usersession.internal.login;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The unit in which login throttling counts client addresses: an IPv4 address on its own (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64 network, since whoever holds one IPv6 address usually holds
 * the whole /64 (a home or a cloud server gets at least that) and could otherwise pick a fresh address per attempt.
 */
final class ThrottledAddress {

    /** Only these characters make an IPv6 literal: then parsing it never asks a name server. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    private static final int PREFIX_BYTES = 8;

    private ThrottledAddress() {}

    /** @return the key that counts this client address: the /64 of an IPv6 address, else the address as given */
    static String of(String clientAddress) {
        String address = clientAddress.indexOf('%') >= 0 // a zone id names a local interface, not another client
                ? clientAddress.substring(0, clientAddress.indexOf('%'))
                : clientAddress;
        if (!IPV6_LITERAL.matcher(address).matches()) {
            return clientAddress;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] network = new byte[PREFIX_BYTES];
                System.arraycopy(parsed.getAddress(), 0, network, 0, PREFIX_BYTES);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return parsed.getHostAddress(); // an IPv4-mapped address: the IPv4 address it carries
        } catch (UnknownHostException e) {
            return clientAddress; // not an address after all: counted as given, never left uncounted
        }
    }
}
