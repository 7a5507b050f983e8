package dev.usersession.spi;

import dev.usersession.SessionProofs;
import dev.usersession.UserSessionInfo;
import java.time.Instant;
import java.util.Set;

/**
 * A stored session, as the store reads and writes it.
 *
 * @param id the SHA-256 of the session's token (URL-safe base64)
 * @param userName the caller's name
 * @param groups the caller's groups
 * @param created when the session started
 * @param lastAccess when it was last used
 * @param idleExpiry when it ends unless used before
 * @param absoluteExpiry when it ends at the latest
 * @param client description of the client
 * @param stateVersion advanced by every write of the session's bean states
 * @param proofs how and when the user last proved who they are
 * @param binding the browser key the session is bound to, {@link DeviceBinding#NONE} when none
 */
public record SessionRecord(
        String id,
        String userName,
        Set<String> groups,
        Instant created,
        Instant lastAccess,
        Instant idleExpiry,
        Instant absoluteExpiry,
        String client,
        long stateVersion,
        SessionProofs proofs,
        DeviceBinding binding) {

    /** Copies the groups into an immutable set. */
    public SessionRecord {
        groups = Set.copyOf(groups);
        client = client == null ? "" : client;
        proofs = proofs == null ? SessionProofs.NONE : proofs;
        binding = binding == null ? DeviceBinding.NONE : binding;
    }

    /** A session that is not bound to a browser key. */
    public SessionRecord(
            String id,
            String userName,
            Set<String> groups,
            Instant created,
            Instant lastAccess,
            Instant idleExpiry,
            Instant absoluteExpiry,
            String client,
            long stateVersion,
            SessionProofs proofs) {
        this(
                id,
                userName,
                groups,
                created,
                lastAccess,
                idleExpiry,
                absoluteExpiry,
                client,
                stateVersion,
                proofs,
                DeviceBinding.NONE);
    }

    /** @return whether the session has ended by timeout at the given instant */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(idleExpiry) || !now.isBefore(absoluteExpiry);
    }

    /** @return the public view of this session */
    public UserSessionInfo toInfo() {
        return new UserSessionInfo(
                id,
                userName,
                groups,
                created,
                lastAccess,
                idleExpiry,
                absoluteExpiry,
                client,
                proofs,
                binding.isBound());
    }
}
