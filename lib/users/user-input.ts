import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/passwords';
import { ROLES } from '@/lib/permissions';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

export const roleSchema = z.enum(ROLES as ['admin', 'editor', 'writer'], 'Choose admin, editor or writer.');

export const newUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.'),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
  bio: z.string().trim().max(1000, 'Keep the bio under 1,000 characters.').default(''),
});

export const roleChangeSchema = z.object({ userId: z.coerce.number().int().positive(), role: roleSchema });
export const activationSchema = z.object({ userId: z.coerce.number().int().positive(), active: z.boolean() });
export const passwordResetSchema = z.object({
  userId: z.coerce.number().int().positive(),
  password: passwordSchema,
});
export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ.',
  });
