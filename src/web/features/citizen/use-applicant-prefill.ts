/**
 * The online form starts with what the citizen's account holds (name, ID number, phone, e-mail),
 * so nobody types them again; a field the account does not hold stays empty, and whatever the
 * citizen has already typed is kept.
 */
import { useEffect, type Dispatch, type SetStateAction } from 'react';
import { citizenApi } from './citizen-api';

interface ApplicantFields {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

export function useApplicantPrefill<T extends ApplicantFields>(isEnabled: boolean, setApplicant: Dispatch<SetStateAction<T>>): void {
  useEffect(() => {
    if (!isEnabled) return;
    let live = true;
    citizenApi.profile().then(
      (p) => {
        if (!live) return;
        const held = { fullName: p.fullName, idNumber: p.idNumber ?? '', phone: p.phone ?? '', email: p.email ?? '' };
        setApplicant((a) => ({
          ...a,
          fullName: a.fullName || held.fullName,
          idNumber: a.idNumber || held.idNumber,
          phone: a.phone || held.phone,
          email: a.email || held.email,
        }));
      },
      () => undefined, // no pre-fill: the citizen types the fields
    );
    return () => {
      live = false;
    };
  }, [isEnabled, setApplicant]);
}
