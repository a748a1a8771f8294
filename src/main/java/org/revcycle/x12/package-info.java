/**
 * X12 5010 on StAEDI: formats only, no business rules. Writers map typed records to 837P, 837I,
 * 270 and 276 interchanges; readers stream 835, 999, 277CA, 271, 277 and 837 into records. Every
 * set has a StAEDI schema under {@code x12/005010/} that validates on read and on write, so what
 * we send is what our own schema accepts, and what we reject names the segment and position.
 */
package org.revcycle.x12;
