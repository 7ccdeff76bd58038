package com.feedbacksync.adapters.web.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs admin tokens for the ITs. One key pair per test JVM; its public half is written where the
 * server's default `mp.jwt.verify.publickey.location` points when the test session opens, before
 * Arquillian starts Liberty ({@link PublishAdminKey}).
 */
public final class AdminTokens {

  public static final String ISSUER = "feedback-sync";
  private static final Path PUBLIC_KEY =
      Path.of(
          "target/liberty/wlp/usr/servers/"
              + ItDeployments.serverName()
              + "/resources/security/jwt-public.pem");
  private static final KeyPair KEYS = generate();
  private static volatile boolean published;

  public static synchronized void publish() {
    if (published) {
      return;
    }
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(KEYS.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    try {
      Files.createDirectories(PUBLIC_KEY.getParent());
      Files.writeString(PUBLIC_KEY, pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    published = true;
  }

  /** A token for {@code subject} in {@code account} with the given role, valid for ten minutes. */
  public static String token(String subject, String account, String role) {
    return token(subject, account, role, Instant.now());
  }

  /**
   * The research repository's own token: role {@code service} and no {@code account} claim, signed
   * with the same key as its admins' tokens.
   */
  public static String serviceToken(String subject) {
    return sign(claims(subject, "service", Instant.now(), ISSUER).build());
  }

  /** A well-signed token that expired an hour ago (beyond any clock-skew allowance). */
  public static String expiredToken(String subject, String account, String role) {
    return token(subject, account, role, Instant.now().minusSeconds(4200));
  }

  /** A well-signed, current token of an issuer this service does not trust. */
  public static String otherIssuersToken(String subject, String account, String role) {
    return token(subject, account, role, Instant.now(), "someone-else");
  }

  /** A current token of the trusted issuer whose signature was tampered with. */
  public static String badlySignedToken(String subject, String account, String role) {
    String token = token(subject, account, role);
    int at = token.length() - 10;
    char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
    return token.substring(0, at) + flipped + token.substring(at + 1);
  }

  private static String token(String subject, String account, String role, Instant now) {
    return token(subject, account, role, now, ISSUER);
  }

  private static String token(
      String subject, String account, String role, Instant now, String issuer) {
    return sign(claims(subject, role, now, issuer).claim("account", account).build());
  }

  private static JWTClaimsSet.Builder claims(
      String subject, String role, Instant now, String issuer) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(subject)
        .jwtID(UUID.randomUUID().toString())
        .claim("upn", subject)
        .claim("groups", List.of(role))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  private static String sign(JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(KEYS.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
