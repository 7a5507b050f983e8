package dev.usersession.internal.onetimecode;

/**
 * A user's stored one-time code secret.
 *
 * @param userName whose it is
 * @param sealedSecret the secret, sealed
 * @param confirmed whether a first code confirmed it (only then does login ask for codes)
 * @param lastStep the last time step whose code was accepted
 */
public record StoredOneTimeCodeSecret(String userName, String sealedSecret, boolean confirmed, long lastStep) {

    @Override
    public String toString() {
        return "StoredOneTimeCodeSecret[" + userName + ", confirmed=" + confirmed + "]";
    }
}
