import { z } from 'zod';
import { awsInteger, awsTagList, awsTimestamp } from './account-common-shapes.js';

/**
 * Loose schemas of the IAM responses lateral reads: only the fields the tables use are checked,
 * optional where AWS may leave them out; unknown fields pass through. Policy documents are left
 * unchecked here (JSON objects or URL-encoded text) and decoded with their path later.
 */

const permissionsBoundary = z.looseObject({
  PermissionsBoundaryArn: z.string().nullish(),
  PermissionsBoundaryType: z.string().nullish(),
});

const attachedPolicy = z.looseObject({ PolicyArn: z.string(), PolicyName: z.string().nullish() });

const inlinePolicy = z.looseObject({
  PolicyName: z.string(),
  PolicyDocument: z.unknown().optional(),
});

const roleLastUsed = z.looseObject({
  LastUsedDate: awsTimestamp.nullish(),
  Region: z.string().nullish(),
});

/** A role as ListRoles, GetRole and the roles inside an instance profile return it. */
export const iamRole = z.looseObject({
  RoleName: z.string(),
  RoleId: z.string().nullish(),
  Arn: z.string(),
  Path: z.string().nullish(),
  CreateDate: awsTimestamp.nullish(),
  AssumeRolePolicyDocument: z.unknown().optional(),
  Description: z.string().nullish(),
  MaxSessionDuration: awsInteger.nullish(),
  PermissionsBoundary: permissionsBoundary.nullish(),
  Tags: awsTagList.nullish(),
  RoleLastUsed: roleLastUsed.nullish(),
});

export const iamInstanceProfile = z.looseObject({
  InstanceProfileName: z.string(),
  InstanceProfileId: z.string().nullish(),
  Arn: z.string(),
  Path: z.string().nullish(),
  CreateDate: awsTimestamp.nullish(),
  Roles: z.array(iamRole).nullish(),
  Tags: awsTagList.nullish(),
});

/** A user as ListUsers and GetUser return it. */
export const iamUser = z.looseObject({
  UserName: z.string(),
  UserId: z.string().nullish(),
  Arn: z.string(),
  Path: z.string().nullish(),
  CreateDate: awsTimestamp.nullish(),
  PasswordLastUsed: awsTimestamp.nullish(),
  PermissionsBoundary: permissionsBoundary.nullish(),
  Tags: awsTagList.nullish(),
});

/** A managed policy as ListPolicies and the authorization details return it. */
export const iamManagedPolicy = z.looseObject({
  PolicyName: z.string(),
  PolicyId: z.string().nullish(),
  Arn: z.string(),
  Path: z.string().nullish(),
  DefaultVersionId: z.string().nullish(),
  AttachmentCount: awsInteger.nullish(),
  PermissionsBoundaryUsageCount: awsInteger.nullish(),
  IsAttachable: z.boolean().nullish(),
  CreateDate: awsTimestamp.nullish(),
  UpdateDate: awsTimestamp.nullish(),
  Tags: awsTagList.nullish(),
});

const policyVersion = z.looseObject({
  Document: z.unknown().optional(),
  VersionId: z.string().nullish(),
  IsDefaultVersion: z.boolean().nullish(),
});

export const iamUserDetail = iamUser.extend({
  GroupList: z.array(z.string()).nullish(),
  UserPolicyList: z.array(inlinePolicy).nullish(),
  AttachedManagedPolicies: z.array(attachedPolicy).nullish(),
});

export const iamGroupDetail = z.looseObject({
  GroupName: z.string(),
  GroupId: z.string().nullish(),
  Arn: z.string(),
  Path: z.string().nullish(),
  CreateDate: awsTimestamp.nullish(),
  GroupPolicyList: z.array(inlinePolicy).nullish(),
  AttachedManagedPolicies: z.array(attachedPolicy).nullish(),
});

export const iamRoleDetail = iamRole.extend({
  InstanceProfileList: z.array(iamInstanceProfile).nullish(),
  RolePolicyList: z.array(inlinePolicy).nullish(),
  AttachedManagedPolicies: z.array(attachedPolicy).nullish(),
});

export const iamManagedPolicyDetail = iamManagedPolicy.extend({
  PolicyVersionList: z.array(policyVersion).nullish(),
});

/** iam get-account-authorization-details, every page merged. */
export const authorizationDetailsResponse = z.looseObject({
  UserDetailList: z.array(iamUserDetail).nullish(),
  GroupDetailList: z.array(iamGroupDetail).nullish(),
  RoleDetailList: z.array(iamRoleDetail).nullish(),
  Policies: z.array(iamManagedPolicyDetail).nullish(),
});

export const listUsersResponse = z.looseObject({ Users: z.array(iamUser) });
export const getUserResponse = z.looseObject({ User: iamUser });
export const listRolesResponse = z.looseObject({ Roles: z.array(iamRole) });
export const getRoleResponse = z.looseObject({ Role: iamRole });
export const listPoliciesResponse = z.looseObject({ Policies: z.array(iamManagedPolicy) });
export const listInstanceProfilesResponse = z.looseObject({
  InstanceProfiles: z.array(iamInstanceProfile),
});
export const listAccountAliasesResponse = z.looseObject({ AccountAliases: z.array(z.string()) });

export type AuthorizationDetails = z.infer<typeof authorizationDetailsResponse>;
export type IamUserDetail = z.infer<typeof iamUserDetail>;
export type IamGroupDetail = z.infer<typeof iamGroupDetail>;
export type IamRoleDetail = z.infer<typeof iamRoleDetail>;
export type IamRole = z.infer<typeof iamRole>;
export type IamUser = z.infer<typeof iamUser>;
export type IamInstanceProfile = z.infer<typeof iamInstanceProfile>;
export type IamManagedPolicy = z.infer<typeof iamManagedPolicy>;
export type IamManagedPolicyDetail = z.infer<typeof iamManagedPolicyDetail>;
