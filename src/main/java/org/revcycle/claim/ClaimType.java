package org.revcycle.claim;

/** Professional (837P, CMS-1500) from clinics; institutional (837I, UB-04) from hospitals. */
public enum ClaimType {
  PROFESSIONAL,
  INSTITUTIONAL
}
